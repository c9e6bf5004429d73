"""Static files of ``kg serve``'s pages, shipped in the wheel (see ``graph.serve_pages``).

``vendor/`` holds the CodeMirror 6 bundle built by ``js/editor/build.mjs`` and
the licences of everything it includes.
"""
