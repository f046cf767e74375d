// axe-core in the browser tests: the WCAG 2.2 AA rules and axe's best practices, run on the page as
// it is drawn. Set `MOTCUA_A11Y_REPORT=1` to list every page's violations without failing (to
// count them all in one run).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const REPORT_ONLY = process.env.MOTCUA_A11Y_REPORT === '1';

/** Every page checked so far and how many violations it had, for the summary. */
export const checked = [];

/** Runs axe-core on the whole page; fails listing each violation (rule, impact, help, nodes). */
export async function expectNoViolations(page, label) {
  await page.locator('#main h1').first().waitFor();
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(
    async (tags) => (await window.axe.run(document, { runOnly: tags })).violations,
    TAGS,
  );
  checked.push({ label, count: violations.length });
  if (violations.length === 0) return;
  const report = violations
    .map(({ id, impact, help, nodes }) => {
      const targets = nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`);
      return `  ${id} (${impact}): ${help}\n${targets.join('\n')}`;
    })
    .join('\n');
  const message = `${label} (${page.url()}): ${violations.length} axe violation(s)\n${report}`;
  if (REPORT_ONLY) console.log(message);
  else assert.fail(message);
}

/**
 * The page, seen through a wrapper whose `waitForURL` also checks the page it waited for (axe, then
 * `more(page)`): the filing helpers then check every step they walk through.
 */
export function checkingEveryPage(page, prefix, more = async () => {}) {
  return new Proxy(page, {
    get(target, property) {
      if (property === 'waitForURL') {
        return async (...args) => {
          await target.waitForURL(...args);
          await expectNoViolations(target, `${prefix} ${new URL(target.url()).pathname}`);
          await more(target);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Buttons, links and form controls in `main` smaller than 44 × 44 CSS px (WCAG 2.5.5), except links
 * inside running text; as `tag#id.class "text" w×h`.
 */
export function smallTargets(page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll('main a[href], main button, main input, main select, main summary, main textarea');
    return [...controls]
      // A control hidden behind its label (a file input styled as a button) is as big as its label.
      .map((control) => (getComputedStyle(control).opacity === '0' && control.labels?.[0]) || control)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        if (element.matches('input[type=radio], input[type=checkbox]')) return box.width < 24 || box.height < 24;
        if (element.tagName === 'A' && getComputedStyle(element).display === 'inline') return false;
        return box.width < 44 || box.height < 44;
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
        return `${name} "${element.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
      });
  });
}
