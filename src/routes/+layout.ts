// Client-side only: camera, models and storage live in the browser. Each route is
// prerendered as an empty shell so any static host can serve it without rewrites.
export const ssr = false;
export const prerender = true;
