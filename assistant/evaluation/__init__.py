"""The grounding evaluation: dataset, metrics, runner and reports (run by `assistant eval`)."""
