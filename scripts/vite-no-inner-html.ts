// A Vite plugin for the builds: Preact's renderer carries support for `dangerouslySetInnerHTML`
// (an `el.innerHTML = props.dangerouslySetInnerHTML.__html` assignment). RailAir never uses it,
// and Mozilla's linter (addons-linter, run in CI) rightly flags any innerHTML assignment of a
// dynamic value in a bundle. So that one branch is replaced by an error at build time: a future
// use of dangerouslySetInnerHTML fails loudly instead of writing HTML. When a Preact upgrade
// changes the code so the pattern is no longer found, the build fails, rather than silently
// shipping the assignment again.
import type { Plugin } from 'vite';
import { patchModule } from './vite-patch';

const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:mjs|module\.js|js)$/;
/** `(u.innerHTML=h.__html)` in Preact 10's minified diff (names vary by build). */
const ASSIGN = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;

export const noInnerHtml = (): Plugin =>
  patchModule('railair-no-inner-html', PREACT_DIST, ASSIGN, '(()=>{throw new Error("RailAir: dangerouslySetInnerHTML is not allowed")})()');
