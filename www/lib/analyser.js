// The one analyser of a page, shared by every <stance-map> and by analyze(): a module worker
// that loads the WebAssembly once and runs one analysis at a time, off the main thread.
//
// It protects the page from the analyser. Text over the size limit is refused before it is sent.
// A panic in the WebAssembly (a trap, as the crate aborts on panic), an error that kills the
// worker, or an analysis running far past any plausible time, each end that worker; the caller
// is told, and a new worker takes the next request. The compiled module is kept, so a new worker
// neither fetches nor compiles it again.

import { MAX_INPUT_BYTES, utf8Length } from './limits.js';

/**
 * A running analysis whose caller has since sent newer text (or cancelled) is abandoned, the
 * worker replaced rather than left to finish work nobody will see, once it has run this long...
 */
const STUCK_MS = 1000;
/**
 * ...or at once when its text is longer than this (UTF-16 units): at a few MB a second, such a
 * text keeps the worker busy for longer than a new worker takes to start from the compiled module.
 */
const ABANDON_CHARS = 100_000;

/** Why an analysis produced no result. */
export class AnalysisError extends Error {
  /**
   * @param {'too-large'|'failed'|'crashed'|'timeout'|'load'|'superseded'} kind
   * @param {string} message
   * @param {string} [detail] the panic message, when the analyser panicked
   */
  constructor(kind, message, detail) {
    super(message);
    this.name = 'AnalysisError';
    this.kind = kind;
    if (detail) this.detail = detail;
  }
}

/** How long a worker may take to fetch a name model before its analysis counts as hung. */
const MODEL_FETCH_LIMIT_MS = 30_000;

/**
 * The time allowed for one analysis of `text` before the worker is presumed hung: half a minute,
 * plus a second per 100,000 characters (the analyser runs at several MB a second on a laptop).
 */
export function defaultTimeout(text) {
  return 30_000 + Math.ceil(text.length / 100);
}

class Analyser {
  #worker = null;
  #ready = false;
  /** The compiled WebAssembly.Module, handed to every later worker. */
  #module = null;
  /** The name models a worker fetched (language → bytes), handed to every later worker. */
  #models = {};
  #version = null;
  #readyPromise = null;
  #settleReady = null;
  /** Requests waiting for the worker, oldest first. */
  #queue = [];
  /** The request the worker is running. */
  #running = null;
  #nextId = 1;
  /** What became of the requests so far; see `counts`. */
  #counts = { requested: 0, started: 0, completed: 0, superseded: 0, abandoned: 0 };

  /** Starts the worker (once) and resolves with the analyser's version when it is ready. */
  load() {
    if (!this.#worker) this.#spawn();
    return this.#readyPromise;
  }

  /**
   * How many requests were made, sent to the worker (started), answered (completed), dropped
   * unrun because newer text with the same key came (superseded), and stopped while running
   * because newer text came or they were cancelled (abandoned). A copy.
   */
  get counts() {
    return { ...this.#counts };
  }

  /** The analyser's version once loaded, else null. */
  get version() {
    return this.#version;
  }

  /**
   * Analyses `text`, resolving with {analysis, ms, refined}. Requests sharing a `key` (say, one
   * element) supersede each other: only the newest is run, the older ones reject with kind
   * 'superseded'. When the name model of the text's language has not arrived yet, `onProvisional`
   * is called at once with {analysis, ms} from the lexicon and patterns alone, and the promise
   * resolves with the analysis refined by the model (`refined: true`) once it is in; if the model
   * cannot be had, with the provisional analysis (`refined: false`).
   */
  request(text, { options, key, timeout, signal, onProvisional } = {}) {
    if (typeof text !== 'string') return Promise.reject(new TypeError('stancemap: the text to analyse must be a string'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const bytes = utf8Length(text);
    if (bytes > MAX_INPUT_BYTES) {
      return Promise.reject(new AnalysisError('too-large', `the text is ${bytes} bytes of UTF-8; the limit is ${MAX_INPUT_BYTES}`));
    }
    this.#counts.requested++;
    return new Promise((resolve, reject) => {
      if (key !== undefined) this.#supersede(key);
      const request = {
        id: this.#nextId++, text, options, key, resolve, reject, onProvisional, provisional: null,
        timeout: timeout ?? defaultTimeout(text), startedAt: 0, timer: 0, analysing: false,
      };
      signal?.addEventListener('abort', () => this.#abort(request, signal.reason), { once: true });
      this.#queue.push(request);
      if (!this.#worker) this.#spawn();
      this.#pump();
    });
  }

  /**
   * Compares two or more analyses (the output contract) in the worker, resolving with
   * {comparison, ms}. `labels` name the articles. Requests sharing a `key` supersede each other.
   */
  compare(analyses, { labels, key, timeout, signal } = {}) {
    if (!Array.isArray(analyses) || analyses.length < 2) {
      const n = Array.isArray(analyses) ? analyses.length : 0;
      return Promise.reject(new AnalysisError('failed', `a comparison needs at least two articles; ${n} given`));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.#counts.requested++;
    return new Promise((resolve, reject) => {
      if (key !== undefined) this.#supersede(key);
      const request = {
        id: this.#nextId++, op: 'compare', text: '', analyses, labels, key,
        resolve: ({ analysis, ms }) => resolve({ comparison: analysis, ms }), reject,
        timeout: timeout ?? 30_000, startedAt: 0, timer: 0, analysing: true,
      };
      signal?.addEventListener('abort', () => this.#abort(request, signal.reason), { once: true });
      this.#queue.push(request);
      if (!this.#worker) this.#spawn();
      this.#pump();
    });
  }

  /**
   * Drops the requests made with `key` (say, because the text they were for is gone): queued ones
   * are rejected with kind 'superseded', and a running one too when it is long (see STUCK_MS).
   */
  cancel(key) {
    this.#supersede(key);
    this.#pump();
  }

  #supersede(key) {
    this.#queue = this.#queue.filter((request) => {
      if (request.key !== key) return true;
      this.#counts.superseded++;
      request.reject(superseded());
      return false;
    });
    const running = this.#running;
    if (running?.key === key && (!running.analysing || running.text.length > ABANDON_CHARS || performance.now() - running.startedAt > STUCK_MS)) {
      this.#stopRunning();
      this.#counts.abandoned++;
      running.reject(superseded());
    }
  }

  #abort(request, reason) {
    const queued = this.#queue.indexOf(request);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
    } else if (this.#running === request) {
      this.#stopRunning();
    } else {
      return; // already settled
    }
    request.reject(reason);
    this.#pump();
  }

  /**
   * Stops the running request. While the worker still fetches a name model, it is told to skip
   * the request, and keeps the model coming; once the analysis runs, replacing the worker is
   * the only way to stop a synchronous call.
   */
  #stopRunning() {
    const running = this.#takeRunning();
    if (!running) return;
    if (running.analysing) this.#replaceWorker();
    else this.#worker.postMessage({ type: 'skip', id: running.id });
  }

  #spawn() {
    this.#ready = false;
    this.#readyPromise = new Promise((resolve, reject) => {
      this.#settleReady = { resolve, reject };
    });
    this.#readyPromise.catch(() => {}); // a load failure is also reported to each request
    let worker;
    try {
      worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'stancemap' });
    } catch (error) {
      this.#loadFailed(messageOf(error));
      return;
    }
    this.#worker = worker;
    worker.addEventListener('message', (event) => {
      if (worker === this.#worker) this.#onMessage(event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (worker === this.#worker) this.#onWorkerError(event.message);
    });
    worker.postMessage({ type: 'init', module: this.#module, models: this.#models });
  }

  #onMessage(message) {
    switch (message?.type) {
      case 'ready':
        this.#ready = true;
        this.#module = message.module ?? this.#module;
        this.#version = message.version;
        this.#settleReady.resolve(message.version);
        this.#pump();
        break;
      case 'load-error':
        this.#loadFailed(message.message);
        break;
      case 'model':
        if (message.bytes instanceof Uint8Array) this.#models[message.language] = message.bytes;
        break;
      case 'started': {
        // The worker had the article's name model to fetch first, which a slow network may
        // stretch: the time limit counts from here, for the analysis alone.
        const request = this.#running;
        if (request && request.id === message.id) {
          request.analysing = true;
          request.startedAt = performance.now();
          clearTimeout(request.timer);
          request.timer = setTimeout(() => this.#timedOut(request), request.timeout);
        }
        break;
      }
      case 'result': {
        if (message.provisional) {
          this.#onProvisional(message);
          break;
        }
        const request = this.#takeRunning(message.id);
        if (request) {
          this.#counts.completed++;
          const refined = message.refined === true;
          delivered(message, ({ analysis, ms }) => request.resolve({ analysis, ms, refined }));
        }
        this.#pump();
        break;
      }
      case 'final': {
        // The name model could not be had: the provisional analysis is the answer.
        const request = this.#takeRunning(message.id);
        if (request?.provisional) {
          this.#counts.completed++;
          request.provisional.then(({ analysis, ms }) => request.resolve({ analysis, ms, refined: false }));
        }
        this.#pump();
        break;
      }
      case 'error': {
        const request = this.#takeRunning(message.id);
        // A trap leaves the instance in an unknown state; the worker is not used again.
        if (message.fatal) this.#replaceWorker();
        request?.reject(new AnalysisError(message.fatal ? 'crashed' : 'failed', message.message, message.panic));
        this.#pump();
        break;
      }
      default:
        break;
    }
  }

  /**
   * A provisional analysis (no name model yet): handed to the caller while the request stays
   * running, its worker now waiting for the model (see 'started' for the refined analysis).
   */
  #onProvisional(message) {
    const request = this.#running;
    if (!request || request.id !== message.id) return;
    request.analysing = false;
    clearTimeout(request.timer);
    request.timer = setTimeout(() => this.#timedOut(request), MODEL_FETCH_LIMIT_MS);
    request.provisional = new Promise((resolve) => delivered(message, resolve));
    request.provisional.then((result) => {
      if (this.#running === request) request.onProvisional?.(result);
    });
  }

  /** An error the worker did not catch: before it was ready, a load failure; after, a crash. */
  #onWorkerError(message) {
    if (!this.#ready) {
      this.#loadFailed(message || 'the analyser worker could not be started');
      return;
    }
    const request = this.#takeRunning();
    this.#replaceWorker();
    request?.reject(new AnalysisError('crashed', message || 'the analyser worker stopped'));
    this.#pump();
  }

  #loadFailed(message) {
    const error = new AnalysisError('load', `the analyser could not be loaded: ${message}`);
    this.#worker?.terminate();
    this.#worker = null; // the next request tries again
    this.#ready = false;
    this.#settleReady.reject(error);
    const running = this.#takeRunning();
    const waiting = running ? [running, ...this.#queue] : this.#queue;
    this.#queue = [];
    for (const request of waiting) request.reject(error);
  }

  #replaceWorker() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#spawn();
  }

  /** Clears and returns the running request (only if its id is `id`, when given). */
  #takeRunning(id) {
    const running = this.#running;
    if (!running || (id !== undefined && running.id !== id)) return null;
    clearTimeout(running.timer);
    this.#running = null;
    return running;
  }

  #pump() {
    if (this.#running || !this.#ready || this.#queue.length === 0) return;
    const request = this.#queue.shift();
    request.startedAt = performance.now();
    // Until the worker says the analysis started, it may be fetching a name model.
    request.timer = setTimeout(() => this.#timedOut(request), Math.max(request.timeout, MODEL_FETCH_LIMIT_MS));
    this.#running = request;
    this.#counts.started++;
    if (request.op === 'compare') {
      this.#worker.postMessage({ type: 'compare', id: request.id, analyses: request.analyses, labels: request.labels });
    } else {
      this.#worker.postMessage({ type: 'analyze', id: request.id, text: request.text, options: request.options });
    }
  }

  #timedOut(request) {
    if (this.#running !== request) return;
    this.#takeRunning();
    this.#replaceWorker();
    request.reject(new AnalysisError('timeout', `the analysis took longer than ${request.timeout} ms and was stopped`));
    this.#pump();
  }
}

/**
 * Calls `receive` with {analysis, ms} of a 'result' message. A long text's analysis comes as JSON
 * (see worker.js), cheaper to receive on this thread, and is parsed in a task of its own: the
 * page can draw a frame in between.
 */
function delivered(message, receive) {
  if (typeof message.json === 'string') {
    setTimeout(() => receive({ analysis: JSON.parse(message.json), ms: message.ms }));
  } else {
    receive({ analysis: message.result, ms: message.ms });
  }
}

function superseded() {
  return new AnalysisError('superseded', 'newer text replaced this one before it was analysed');
}

function messageOf(error) {
  return String(error?.message ?? error);
}

/** The page's analyser. */
export const analyser = new Analyser();

/**
 * Analyses `text` off the main thread and resolves with the analysis (the output contract).
 * The WebAssembly is loaded on the first call. Rejects with an AnalysisError, or with the
 * signal's reason when `options.signal` aborts.
 *
 * The first analysis in a language also fetches that language's name model. Until it has
 * arrived, `options.onProvisional(analysis)` is called at once with an analysis from the lexicon
 * and patterns alone; the promise resolves with the analysis refined by the model.
 */
export async function analyze(text, options = {}) {
  const { language, timeout, signal, onProvisional } = options ?? {};
  const core = language ? { language } : undefined;
  const early = typeof onProvisional === 'function' ? ({ analysis }) => onProvisional(analysis) : undefined;
  const { analysis } = await analyser.request(text, { options: core, timeout, signal, onProvisional: early });
  return analysis;
}

/** Loads the analyser ahead of the first analysis; resolves with its version. */
export function preload() {
  return analyser.load();
}

/**
 * Compares the analyses of two or more articles about one event (`compare` of the Rust crate, in
 * the worker): actors aligned across articles and languages, what each article reports for
 * each, and the differences. `options.labels` names the articles. Rejects with an AnalysisError.
 */
export async function compare(analyses, options = {}) {
  const { labels, timeout, signal } = options ?? {};
  const { comparison } = await analyser.compare(analyses, { labels, timeout, signal });
  return comparison;
}
