import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';

// zod compiles object parsers with `new Function` where it may, and finds out by trying one: under
// the pages' Content-Security-Policy (no 'unsafe-eval') that try is blocked and reported as a
// violation. In the browser forms parse without compiling; a form's few fields do not need it.
z.config({ jitless: true });

/** react-hook-form's zod resolver, for every form in the browser (see above). */
export { zodResolver };
