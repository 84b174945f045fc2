using ConnectorHub.Core.Predictions.Quality;

namespace ConnectorHub.Core.Predictions.Runs;

/// <summary>What a training run measured: its split, its examples, its quality beside its baseline's, and its scores.</summary>
/// <param name="Split">The cutoffs and label windows it trained and validated on.</param>
/// <param name="Training">The training examples.</param>
/// <param name="Validation">The validation examples.</param>
/// <param name="Features">The feature names, in vector order.</param>
/// <param name="Baseline">What the baseline predicts, in words.</param>
/// <param name="Model">The model's quality on the validation window.</param>
/// <param name="BaselineQuality">The baseline's quality on the same examples.</param>
/// <param name="Checks">What it had to pass to be published, each passed or not, with its numbers.</param>
/// <param name="Reliability">Churn: the reliability table of the validation predictions.</param>
/// <param name="Lift">Value: the validation customers in deciles of predicted spend.</param>
/// <param name="Importance">Each feature's share of the trees' gain, largest first.</param>
/// <param name="Distribution">How the scores of every profile scored fell (null until scored).</param>
/// <param name="Seconds">How long each step took, in seconds (features, training, validation, scoring).</param>
public sealed record RunReport(
    TimeSplit Split,
    ExampleSummary Training,
    ExampleSummary Validation,
    IReadOnlyList<string> Features,
    string Baseline,
    QualityMetrics Model,
    QualityMetrics BaselineQuality,
    IReadOnlyList<PublishCheck> Checks,
    IReadOnlyList<ReliabilityBin>? Reliability,
    IReadOnlyList<LiftDecile>? Lift,
    IReadOnlyList<FeatureImportance> Importance,
    ScoreDistribution? Distribution,
    IReadOnlyDictionary<string, double> Seconds);

/// <summary>The time-based split: train on the past with labels from the window after a past cutoff; validate on the most recent window.</summary>
/// <param name="TrainingCutoff">Training features are read up to (not including) this time...</param>
/// <param name="ValidationCutoff">...and training labels from it up to here; validation features up to here...</param>
/// <param name="AsOf">...validation labels from there up to here; scores are as of this time, predicting the next horizon.</param>
public sealed record TimeSplit(DateTimeOffset TrainingCutoff, DateTimeOffset ValidationCutoff, DateTimeOffset AsOf);

/// <summary>A set of examples.</summary>
/// <param name="Examples">How many were used (a sample when there were more than the limit).</param>
/// <param name="Eligible">How many customers were eligible (had an order before the cutoff).</param>
/// <param name="LabelMean">Churn: the share that churned; value: the mean spend in the window.</param>
public sealed record ExampleSummary(long Examples, long Eligible, double LabelMean);

/// <summary>Quality on the validation window. Churn fills <see cref="Auc"/> and <see cref="Brier"/>; value fills <see cref="Mae"/> and <see cref="RankCorrelation"/>.</summary>
/// <param name="Auc">Area under the ROC curve (0.5 is chance, 1 is perfect ranking).</param>
/// <param name="Brier">Mean squared error of the probability (lower is better calibrated and sharper).</param>
/// <param name="Mae">Mean absolute error of the predicted spend.</param>
/// <param name="RankCorrelation">Spearman's correlation of predicted and actual spend.</param>
public sealed record QualityMetrics(double? Auc = null, double? Brier = null, double? Mae = null, double? RankCorrelation = null);

/// <summary>One condition of publication.</summary>
/// <param name="Name">What is checked.</param>
/// <param name="Passed">Whether the run passed it.</param>
/// <param name="Detail">The numbers, in a sentence.</param>
public sealed record PublishCheck(string Name, bool Passed, string Detail);

/// <summary>A feature's share of the model.</summary>
/// <param name="Feature">Its name.</param>
/// <param name="Share">Its share of the total gain of the trees' splits, 0 to 1.</param>
public sealed record FeatureImportance(string Feature, double Share);

/// <summary>How scores fell: a count per bin.</summary>
/// <param name="Bins">The bins in order.</param>
/// <param name="Mean">The mean score.</param>
public sealed record ScoreDistribution(IReadOnlyList<ScoreBin> Bins, double Mean);

/// <summary>Scores from <see cref="From"/> up to <see cref="To"/> (the last bin includes its end).</summary>
/// <param name="From">Lower end.</param>
/// <param name="To">Upper end.</param>
/// <param name="Count">Profiles in it.</param>
public sealed record ScoreBin(double From, double To, long Count);
