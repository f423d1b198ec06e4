// FusionNode: see ../../README.md
