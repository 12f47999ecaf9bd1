/**
 * The retro-hunt's report as files: {@code hits.jsonl} (one line per hit), {@code summary.json} and
 * {@code summary.csv} (affected studies), shared by the hunt that writes them, the command line and the console that
 * read them. The folder's {@code checkpoint} file belongs to the hunt alone and is not part of this model.
 */
package org.yaraguard.review.hunt;
