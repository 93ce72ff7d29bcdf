"""Scripts kept beside the package: training the sentence signals and measuring the coach."""
