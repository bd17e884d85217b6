/* Nothing here yet: placeholder kept so every page loads the same scripts. */
