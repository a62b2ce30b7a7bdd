"""The Microsoft Teams adapter (Microsoft 365 Agents SDK), installed with the ``[teams]`` extra.

``parse`` turns activities into requests, ``render`` turns replies into Adaptive Cards, ``app``
serves ``/api/messages`` and ``delivery`` sends proactive messages through stored conversation
references. Importing this package itself needs no SDK, so ``ids`` stays usable without the extra.
"""
