// A Vite plugin for the builds: WXT's ContentScriptContext announces each content script's start
// with `window.postMessage({ type: '<extension id>:<script>:wxt:content-script-started', … }, '*')`.
// That message goes to the page: any script listening on its window receives our extension's id
// (a fingerprint of RailAir) and a message it never expected. WXT itself listens only for the
// CustomEvent it dispatches next to it (listenForNewerScripts), so the postMessage is dropped here.
// When a WXT upgrade changes the code so the call is no longer found, the build fails rather than
// shipping the message again.
import type { Plugin } from 'vite';
import { patchModule } from './vite-patch';

const CONTEXT_MODULE = /[\\/]node_modules[\\/]wxt[\\/]dist[\\/]utils[\\/]content-script-context\.mjs$/;
/** The whole `window.postMessage({ type: ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE, … }, "*");` statement. */
const POST = /window\.postMessage\(\{\s*type:\s*ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,[^}]*\},\s*"\*"\);/g;

export const noPageMessages = (): Plugin => patchModule('railair-no-page-messages', CONTEXT_MODULE, POST, '');
