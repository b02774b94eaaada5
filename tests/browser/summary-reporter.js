// Prints one closing line, "browser: N passed, N failed, N skipped", so that a log reader
// sees the browser suite's totals in the plain form without parsing Playwright's list output.
export default class SummaryReporter {
  #counts = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(test, result) {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.#counts.passed++;
    else if (result.status === 'skipped') this.#counts.skipped++;
    else this.#counts.failed++;
  }

  onEnd() {
    const { passed, failed, skipped } = this.#counts;
    console.log(`browser: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }

  printsToStdio() {
    return true;
  }
}
