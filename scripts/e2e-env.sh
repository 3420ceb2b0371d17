# The environment of each end-to-end site, shared by the build and by Playwright's web servers.
e2e_env() {
  case "$1" in
    sample)
      export CONTENT_DATASET="$PWD/.tmp/e2e/sample-dataset" NEXT_DIST_DIR=".next-e2e-sample" PORT=3101 ;;
    hostile)
      export CONTENT_DATASET="$PWD/tests/fixtures/hostile" NEXT_DIST_DIR=".next-e2e-hostile" PORT=3102 ;;
  esac
  export SITE_URL="http://localhost:$PORT"
  # The search budget (proxy.ts) is read at start; the search tests stay far below this one.
  export SEARCH_RATE_LIMIT=10000
  export SANITY_REVALIDATE_SECRET="e2e-webhook-secret-0123456789abcdef" PREVIEW_SECRET="e2e-preview-secret-0123456789abcdef"
  # Never used to reach Sanity here (no project id): present so the bundle test can prove no token
  # reaches client JavaScript.
  export SANITY_API_READ_TOKEN="e2e-read-token-must-stay-on-the-server"
  export SANITY_API_WRITE_TOKEN="e2e-write-token-must-stay-on-the-server"
}
