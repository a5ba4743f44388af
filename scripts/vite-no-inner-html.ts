// A Vite plugin for the builds: Preact's renderer carries support for `dangerouslySetInnerHTML`
// (an `el.innerHTML = props.dangerouslySetInnerHTML.__html` assignment). RailAir never uses it,
// and Mozilla's linter (addons-linter, run in CI) rightly flags any innerHTML assignment of a
// dynamic value in a bundle. So that one branch is replaced by an error at build time: a future
// use of dangerouslySetInnerHTML fails loudly instead of writing HTML. When a Preact upgrade
// changes the code so the pattern is no longer found, the build fails, rather than silently
// shipping the assignment again.
import type { Plugin } from 'vite';

const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:mjs|module\.js|js)$/;
/** `(u.innerHTML=h.__html)` in Preact 10's minified diff (names vary by build). */
const ASSIGN = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;

export function noInnerHtml(): Plugin {
  return {
    name: 'railair-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_DIST.test(id)) return null;
      let found = 0;
      const out = code.replace(ASSIGN, () => {
        found++;
        return '(()=>{throw new Error("RailAir: dangerouslySetInnerHTML is not allowed")})()';
      });
      if (found === 0) this.error(`railair-no-inner-html: Preact's innerHTML assignment not found in ${id}; update the pattern`);
      return { code: out, map: null };
    },
  };
}
