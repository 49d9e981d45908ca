"""A deterministic mutation fuzzer for hostile inputs: ``python -m tests.bench.fuzz``.

``python -m tests.bench.fuzz [--seed N] [--cases N] [--corpus DIR] [-j N] [--out DIR]``

Seed pages are a few built-in pages (an HTML article, a page of links, images, a table and
code, and a text dump) and, with ``--corpus``, *tune* pages of the shared corpus (HTML pages
and their ``.txt`` dumps; check pages are never read). Each case is one seed page and one
mutation, both drawn from a random generator seeded by ``--seed`` and the case number, so
``--seed 7 --only 123`` replays case 123 of a run exactly (with the same version of the
fuzzer: the plan depends on the list of mutations). The mutations: truncation at a random
byte, random byte flips, NUL bytes, invalid and overlong UTF-8, UTF-16 with and without a
BOM, a declared charset that is not the actual one, giant attributes, 10^5 entities, deep
nesting of inline tags, table spans of 10^6, hostile JSON-LD (nested past the recursion
limit, huge, script URLs and markup in its fields), ``<base href="javascript:...">``,
``<svg>`` and ``<math>`` carrying scripts, ``srcset``/``poster``/``formaction``/``href``
with ``javascript:``, ``data:`` and obfuscated schemes (``jav&#x09;ascript:``,
``java\\0script:``), text that breaks Markdown (backticks, ``[x](javascript:..)`` as literal
text, tags and comments as text), bidi overrides and zero-width characters, lone surrogates
in text dumps, CRLF and CR-only dumps, a dump that is one 5 MB line, and two or three of the
cheap ones at once.

Each case runs ``convert.parse`` then ``convert.render`` to md, txt, json, docx and epub in a
worker process (cases go to the workers in chunks; a case over ``--timeout`` seconds, 20 by
default, is reported as a hang, its worker killed and the chunk resumed after it). Reported:

* ``exception``: anything but :class:`convert.errors.DecruftError` out of ``parse`` (or a
  ``DecruftError`` that wraps an unexpected exception of decruft's own reader: "plugin
  'readers' failed"), anything at all out of ``render`` (the article was accepted), a worker
  that died;
* ``hang``: a case over the timeout;
* ``leak``: in md, a raw HTML token (markdown-it's ``html_inline``/``html_block``: a tag that
  a Markdown viewer would render) or a link/image target with a live script scheme
  (``javascript:``, ``vbscript:``, ``data:`` other than a raster image); in json, such a URL in
  any field; in docx/epub, XML that does not parse, a ``<script>``-like element, an ``on*``
  attribute or such a URL; in every output, the marker ``FZLIVE`` that the mutations put only
  inside markup that must never be shown (script bodies, event handlers, iframe content),
  unless the input was read as a text dump (a mutation garbled its start past recognition:
  then every character is the page's text and the marker is content).
  Tags *as text* (``&lt;script&gt;``) may show in txt, which has no markup.

Each finding is one line (case, seed page, mutation, kind, detail) and the input is saved in
``--out`` (default ``/tmp/decruft-fuzz``) as ``case-N.bin`` to replay with
``decruft convert``. Exit status 1 when anything was found. It stays frugal: one worker by
default, a worker's memory capped at ``--mem-mb`` (an over-cap allocation is reported as an
exception: a memory bomb).
"""

# (The docstring above is also ``--help``.) The modules: .cases (the seed pages, a case and the
# plan of a run), .mutations, .checks (one case parsed, rendered and its outputs checked),
# .runner (the worker processes and the command line), __main__ (``python -m``).
