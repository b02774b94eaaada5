// compromise (English only): the named entities it finds, people, places and organisations.
import nlp from 'compromise';

export async function load() {
  return { analyse: (text) => nlp(text).topics().json() };
}
