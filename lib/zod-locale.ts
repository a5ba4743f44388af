// zod/mini leaves issue messages generic ("Invalid input") unless a locale is configured; classic
// zod configured English by itself. The worker, popup and options show zod's words (a watch
// import's errors, a request out of protocol, an unreadable stored watch), so every schema file
// they share imports this module once. Content scripts do not: they never show zod's words.
import * as z from 'zod/mini';

z.config(z.locales.en());
