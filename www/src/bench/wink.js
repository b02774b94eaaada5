// wink-nlp with its browser model (English only): the entities of the document.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export async function load() {
  const nlp = winkNLP(model);
  return { analyse: (text) => nlp.readDoc(text).entities().out() };
}
