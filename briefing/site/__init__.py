"""What the Pelican plugins share: the site's tag index, feeds, paging and a generator base.

The plugins under ``plugins/`` are thin adapters: they connect Pelican signals to the pure
functions here. This room may use the taxonomy and the contract; nothing below imports it.
"""
