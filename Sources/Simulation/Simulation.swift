// Simulation: see ../../README.md
