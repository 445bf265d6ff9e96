/**
 * opencc-js ships its dictionaries as plain ES modules (`./*` in its exports) without types. Each
 * default-exports one string of entries separated by '|', each entry a character or phrase and
 * its conversions separated by spaces: '網 网|務 务'.
 */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
