"""Playing and scoring a scenario: the compiled scenario, the state space, the engine, pathway rules and scores."""
