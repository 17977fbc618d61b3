"""The headless subcommands of ``bpviz``; each module adds its parser and runs it."""
