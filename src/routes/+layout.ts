/** Every page is prerendered at build time; adapter-static (strict) refuses any that is not. */
export const prerender = true;
