// Progressive enhancement only: every page works without this file. Loaded as a module from
// /assets (the CSP allows no inline script), it marks the page as scripted for govuk-frontend's
// styles and starts its components (error summary focus, character counts, …).
import { initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
