/** Words that name a body: "… Parks Organization", "Ministry of …", "Islamic Azad University". */

/**
 * A word, any case, that makes a name an organisation's rather than a person's or a place's:
 * "Organization", "Ministry", "Center", "Presidency", "Bank", "Fund", "Authority".
 */
export const ORGANISATION_WORD =
  /\b(?:organi[sz]ation|ministry|cent(?:er|re)|association|institute|university|bank|council|company|agency|presidency|fund|department|office|chamber|corporation|group|committee|commission|authority|foundation)\b/i;

/**
 * What a body's name may end in after an "and": an organisation word, or a word that closes a
 * ministry's or an organisation's name ("Bank of Industry and Mine", "Ministry of Industry, Mine
 * and Trade", "… Industrial Parks"). "Iran and Armenia" ends in none: two parties, not one.
 */
export const ORGANISATION_NAME_END = new RegExp(
  `${ORGANISATION_WORD.source}|\\b(?:mine|trade|parks|zones|manufacturers|technology|affairs)\\b`,
  'i',
);
