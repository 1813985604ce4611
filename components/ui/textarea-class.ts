export const TEXTAREA_CLASS =
  'block min-h-9 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-xs placeholder:text-slate-400 ' +
  'focus:border-slate-500 focus:outline-2 focus:outline-slate-300 aria-invalid:border-red-500 aria-invalid:outline-red-200';
