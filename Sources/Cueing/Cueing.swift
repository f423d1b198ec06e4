// Cueing: see ../../README.md
