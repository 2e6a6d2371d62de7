/** The results of a benchmark run as JSON, a Markdown table and a chart of deliveries over time. */
@NullMarked
package eu.herald.benchmark.report;

import org.jspecify.annotations.NullMarked;
