// The query editor of `kg serve`: CodeMirror 6 with the SPARQL stream mode,
// completion of the endpoint's prefixes and vocabulary, Ctrl/Cmd-Enter to run.
// Built into graph/serve_assets/vendor/codemirror.min.js by build.mjs.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { autocompletion } from "@codemirror/autocomplete";

const WORD = /[A-Za-z_][\w-]*:?[\w-]*$/;

// Completions: `options` are {label, type, detail, info?}; a prefixed name completes after its prefix.
function completer(options) {
  return (context) => {
    const word = context.matchBefore(WORD);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    return { from: word.from, options, validFor: /^[\w:-]*$/ };
  };
}

// `nonce`: the page's style nonce, so the editor's generated stylesheet passes a strict CSP.
function createEditor(parent, { doc = "", completions = [], onRun = null, label = "SPARQL query", nonce = "" } = {}) {
  const run = () => { if (onRun) onRun(); return true; };
  const view = new EditorView({
    doc,
    parent,
    extensions: [
      basicSetup,
      StreamLanguage.define(sparql),
      syntaxHighlighting(defaultHighlightStyle),
      autocompletion({ override: [completer(completions)] }),
      Prec.highest(keymap.of([{ key: "Mod-Enter", run }, { key: "Shift-Enter", run }])),
      EditorView.contentAttributes.of({ "aria-label": label }),
      EditorView.lineWrapping,
      ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
    ],
  });
  return {
    view,
    get: () => view.state.doc.toString(),
    set: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
}

window.ikgCodeMirror = { createEditor };
