vcl 4.1;
# The edge cache in front of one or more NextMinuteNews instances (docs/scaling.md).
# Start it with `npm run edge -- --port 8080 --origin 127.0.0.1:3000 [--origin …]`, which writes
# the backends and the trusted purgers into nmn-backends.vcl in Varnish's working directory.
# In production write that file yourself (see scripts/edge.ts for its shape): it defines the
# backends, `sub vcl_init` adding them to the `origins` director, and `acl nmn_purgers`.
#
# - Lifetimes come from the instances' Cache-Control (s-maxage for shared caches);
#   private/no-store answers, /api/*, /studio and draft mode are never stored.
# - Every stored answer is indexed by the keys in its `x-nmn-keys` header (its cache tags,
#   lib/cache-handlers/edge-keys.ts); a publish purges exactly those keys (`PURGE` with an
#   `xkey-purge` header, only from nmn_purgers). An answer without keys is kept only briefly.
# - Grace: a copy is served stale for a day while the instances are down or answer 5xx.
# - A purge is soft: the purged copy is never served while an instance answers (the next reader
#   waits for the new page), but stays for grace, so a publish followed by an outage still has it.

import std;
import directors;
import xkey;

include "nmn-backends.vcl";

sub vcl_recv {
  set req.backend_hint = origins.backend();
  # The edge's own marks between restarts: a reader's copy of them would bypass the cache at will.
  if (req.restarts == 0) {
    unset req.http.x-nmn-purged;
    unset req.http.x-nmn-stale-if-error;
  }
  # Varnish appended the connecting address to X-Forwarded-For. When that is a trusted hop (the TLS
  # terminator in front), the reader's own address is the entry before it: drop the hop, so the
  # instances' per-client budgets (search, draft mode) see readers, not one shared address.
  if (client.ip ~ nmn_purgers && req.http.X-Forwarded-For ~ ",") {
    set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, ",\s*[^,]*$", "");
  }

  if (req.method == "PURGE") {
    if (client.ip !~ nmn_purgers) {
      return (synth(403, "Purge refused"));
    }
    if (req.http.xkey-purge) {
      # Soft: each copy's lifetime ends now but its grace stays (vcl_hit keeps it from readers
      # while the instances are up). A hard purge left nothing to serve when they then went down.
      set req.http.x-purged = xkey.softpurge(req.http.xkey-purge);
      return (synth(200, "Purged"));
    }
    return (purge);
  }

  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Never cached: the webhook, draft-mode switches, health, the Studio.
  if (req.url ~ "^/(api|studio)(/|\?|$)") {
    return (pass);
  }
  # Draft mode is a cookie: its readers go straight to an instance, and nothing they see is stored.
  if (req.http.Cookie ~ "(^|;\s*)(__prerender_bypass|__next_preview_data)=") {
    return (pass);
  }
  # No public page reads a cookie: dropping them lets every reader share one copy.
  unset req.http.Cookie;
  unset req.http.Authorization;
  # /media answers AVIF, WebP or the original by Accept (with Vary: Accept): three variants at most,
  # not one per browser's Accept string.
  if (req.url ~ "^/media/") {
    if (req.http.Accept ~ "image/avif") {
      set req.http.Accept = "image/avif";
    } elsif (req.http.Accept ~ "image/webp") {
      set req.http.Accept = "image/webp";
    } else {
      unset req.http.Accept;
    }
  }
  # Two variants at most, each stored as the instance sent it (Varnish runs with
  # http_gzip_support=off, so no object is unzipped per request for a client without gzip).
  if (req.http.Accept-Encoding ~ "gzip") {
    set req.http.Accept-Encoding = "gzip";
  } else {
    unset req.http.Accept-Encoding;
  }

  # While the instances answer, a copy past its lifetime is served at most 10 s more while it is
  # refreshed in the background; while they are down, whatever grace is left (a day).
  # A request restarted because the instance erred (vcl_deliver) takes any stale copy there is.
  # (req.grace outlives a restart, so set it both ways.)
  if (req.http.x-nmn-stale-if-error || !std.healthy(req.backend_hint)) {
    set req.grace = 24h;
  } else {
    set req.grace = 10s;
  }
  # A purged copy was found (vcl_hit): fetch past it; it stays in cache in case the fetch fails.
  set req.hash_always_miss = req.http.x-nmn-purged && !req.http.x-nmn-stale-if-error;
  return (hash);
}

sub vcl_hit {
  # A copy past its lifetime is either expired (its lifetime, ttl + age, is the one it was stored
  # with) or purged (xkey.softpurge ended it early). A purged one is never served while the
  # instances are up, not even for the 10 s of grace: look again, fetching the page in the
  # foreground. If that fetch fails, vcl_synth looks once more with the day's grace and serves it.
  if (obj.ttl <= 0s && !req.http.x-nmn-purged && !req.http.x-nmn-stale-if-error &&
      obj.ttl + obj.age + 10ms < std.duration(obj.http.x-nmn-ttl, 0s) && std.healthy(req.backend_hint)) {
    set req.http.x-nmn-purged = "1";
    return (restart);
  }
}

sub vcl_hash {
  hash_data(req.url);
  if (req.http.host) {
    hash_data(req.http.host);
  } else {
    hash_data(server.ip);
  }
  # Next answers one URL with HTML or with its RSC payload (client navigation, prefetch):
  # they must never share an object.
  hash_data(req.http.rsc);
  hash_data(req.http.next-router-prefetch);
  hash_data(req.http.next-router-segment-prefetch);
  hash_data(req.http.next-router-state-tree);
  hash_data(req.http.Accept-Encoding);
  return (lookup);
}

sub vcl_backend_fetch {
  unset bereq.http.x-nmn-stale-if-error;
  unset bereq.http.x-nmn-purged;
}

sub vcl_backend_response {
  # An instance erred: store nothing, so the stale copy, if any, stays in cache. A background refresh
  # just ends; a reader's fetch goes to vcl_synth (503), which looks again with the day's grace.
  # Passed requests (/api, /studio) keep the instance's own answer.
  if (beresp.status >= 500 && !bereq.uncacheable) {
    return (abandon);
  }

  if (beresp.http.x-nmn-keys) {
    set beresp.http.xkey = beresp.http.x-nmn-keys;
    unset beresp.http.x-nmn-keys;
  } else if (beresp.ttl > 5s && beresp.http.Cache-Control !~ "immutable" && bereq.url !~ "^/media/") {
    # Nothing could purge it: keep it only briefly. Build assets (immutable) and media files
    # (content-addressed names) never change under their URL.
    set beresp.ttl = 5s;
  }
  # Kept past its lifetime so grace can serve it while the instances are down.
  if (beresp.ttl > 0s) {
    set beresp.grace = 24h;
  }
  # The lifetime it is stored with, in seconds, which vcl_hit compares to tell a purge from an expiry.
  set beresp.http.x-nmn-ttl = beresp.ttl + "s";
  # No return: Varnish's built-in rules follow (never store Set-Cookie, private, no-store).
}

sub vcl_backend_error {
  # No instance answered: as above, store nothing; the reader gets a stale copy or a 503 (vcl_synth).
  return (abandon);
}

sub vcl_deliver {
  # Keys are for the edge only.
  unset resp.http.xkey;
  unset resp.http.x-nmn-keys;
  unset resp.http.x-nmn-ttl;
  if (obj.uncacheable) {
    set resp.http.X-Cache = "PASS";
  } elsif (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
  return (deliver);
}

sub vcl_synth {
  if (req.method == "PURGE") {
    set resp.http.Content-Type = "application/json";
    if (resp.status == 200) {
      synthetic({"{"purged": "} + std.integer(req.http.x-purged, 0) + " }");
    } else {
      synthetic({"{"purged": 0, "message": "refused" }"});
    }
    return (deliver);
  }
  if (resp.status == 503) {
    # The instances erred or are down and the copy is past its 10 s of grace: look again, taking a
    # stale copy from the day's grace if there is one.
    if (!req.http.x-nmn-stale-if-error && (req.method == "GET" || req.method == "HEAD")) {
      set req.http.x-nmn-stale-if-error = "1";
      return (restart);
    }
    # Nothing stale to fall back on: a short answer with a retry hint, never an error page's internals.
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.http.Retry-After = "10";
    set resp.http.Cache-Control = "no-store";
    synthetic("The site is briefly unavailable. Please try again in a few seconds.");
    return (deliver);
  }
}
