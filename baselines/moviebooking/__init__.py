"""Movie-booking baselines: the finite-state rule system (the M2M corpus agent)."""
