"""The benchmark harness: boilerstrip and other extractors, same pages, same run.

``python -m benchmarks run`` scores every tool with the article-extraction-benchmark
metric on the datasets in ``../shared/bench`` and writes ``BENCHMARKS.md``;
``python -m benchmarks worst`` lists a tool's worst pages with a diff for error analysis.
"""
