/**
 * A well-formedness check for BCP 47 language tags (RFC 5646 "langtag" and
 * private-use tags), enough to stop typos like `en_US` or `english` reaching
 * the `lang` attribute. It does not check the IANA registry.
 */
const LANGTAG = new RegExp(
  '^' +
    // ISO 639 language (+ extlang). The grammar also allows 4-8 letters, but none
    // are registered, and refusing them catches names typed instead of tags.
    '[a-z]{2,3}(?:-[a-z]{3}){0,3}' +
    '(?:-[a-z]{4})?' + // script
    '(?:-(?:[a-z]{2}|[0-9]{3}))?' + // region
    '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*' + // variants
    '(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*' + // extensions
    '(?:-x(?:-[a-z0-9]{1,8})+)?' + // private use
    '$|^x(?:-[a-z0-9]{1,8})+$',
  'i',
);

export const BCP47_RULE_MESSAGE = 'Use a language tag such as en, fr, pt-BR or zh-Hant (BCP 47), not a language name.';

export function isBcp47(tag: string): boolean {
  return LANGTAG.test(tag);
}
