/**
 * Markup and script payloads for the widget's XSS tests (jsdom and headless Chromium): each, if it
 * ever ran, would set `window.__xss` to its number and open an alert. Classic tags and handlers,
 * attribute and element breakouts (`">`, `</textarea>`), URL schemes, mutation-XSS shapes,
 * template syntax. Used only by tests.
 */
const run = (n: number) => `window.__xss=${n};alert(${n})`;

export const XSS_PAYLOADS: readonly string[] = [
  `<script>${run(1)}</script>`,
  `<img src=x onerror="${run(2)}">`,
  `<svg onload="${run(3)}"></svg>`,
  `<svg><script>${run(4)}</script></svg>`,
  `<iframe src="javascript:${run(5)}"></iframe>`,
  `<iframe srcdoc="<script>parent.${run(6)}</script>"></iframe>`,
  `"><script>${run(7)}</script>`,
  `'><img src=x onerror=${run(8)}>`,
  `<a href="javascript:${run(9)}">click me</a>`,
  `<body onload="${run(10)}">`,
  `<details open ontoggle="${run(11)}">x</details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${run(12)}">`,
  `<input autofocus onfocus="${run(13)}">`,
  `<video><source onerror="${run(14)}"></video>`,
  `</textarea><script>${run(15)}</script>`,
  `</title><img src=x onerror="${run(16)}">`,
  `<object data="javascript:${run(17)}"></object>`,
  `<embed src="javascript:${run(18)}">`,
  `<b style="background:url(javascript:${run(19)})">styled</b>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run(20)}">`,
  `<base href="javascript:${run(21)}//">`,
  `<form action="javascript:${run(22)}"><button>go</button></form>`,
  `" onmouseover="${run(23)}" x="`,
  `{{constructor.constructor('${run(24)}')()}}`,
  `\${${run(25)}}`,
  `<marquee onstart="${run(26)}">m</marquee>`,
];

/** URL-shaped payloads, for fields a widget may turn into links (Website). */
export const XSS_URLS: readonly string[] = [
  `javascript:${run(27)}`,
  `JaVaScRiPt:${run(28)}`,
  ` javascript:${run(29)}`,
  `data:text/html,<script>${run(30)}</script>`,
  `vbscript:msgbox(31)`,
];
