using ConnectorHub.Core.Predictions.Features;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ConnectorHub.Core.Predictions.Training;

/// <summary>
/// A boosted tree ensemble trained in process with ML.NET's FastTree: calibrated binary classification for churn
/// (the probability of no order in the horizon), regression for value (the spend in the horizon). Each prediction
/// comes with every feature's contribution to it (<c>CalculateFeatureContribution</c>), for the profile's explanation.
/// Not thread-safe: one prediction at a time.
/// </summary>
internal sealed class TreeModel : IDisposable
{
    /// <summary>The contributions kept per direction: the strongest few explain a score.</summary>
    public const int Contributions = 5;

    private readonly Func<float[], (double Score, float[] Contributions)> _predict;
    private readonly IDisposable _engine;

    private TreeModel(PredictionKind kind, IReadOnlyList<FeatureImportance> importance, Func<float[], (double, float[])> predict, IDisposable engine)
    {
        Kind = kind;
        Importance = importance;
        _predict = predict;
        _engine = engine;
    }

    public PredictionKind Kind { get; }

    /// <summary>Each feature's share of the trees' gain, largest first.</summary>
    public IReadOnlyList<FeatureImportance> Importance { get; }

    public static TreeModel Train(PredictionKind kind, FeatureSet features, IReadOnlyList<ProfileFeatures> examples, ModelSettings settings, int seed)
    {
        var ml = new MLContext(seed);
        return kind == PredictionKind.Churn ? TrainChurn(ml, features, examples, settings) : TrainValue(ml, features, examples, settings);
    }

    /// <summary>The probability of churn, or the predicted spend (never below zero), with every feature's contribution.</summary>
    public (double Score, float[] Contributions) Predict(float[] features) => _predict(features);

    public void Dispose() => _engine.Dispose();

    private static TreeModel TrainChurn(MLContext ml, FeatureSet features, IReadOnlyList<ProfileFeatures> examples, ModelSettings settings)
    {
        var schema = ExampleSchema.For<ChurnExample>(features.Count);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new ChurnExample { Features = e.Values, Label = e.Churned }), schema);
        var model = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinimumExamplesPerLeaf,
            LearningRate = 0.1,
        }).Fit(data);
        var explain = ml.Transforms.CalculateFeatureContribution(model, Contributions, Contributions, normalize: false).Fit(model.Transform(data));
        var engine = ml.Model.CreatePredictionEngine<ChurnExample, ChurnPrediction>(model.Append(explain), ignoreMissingColumns: true, inputSchemaDefinition: schema);
        var input = new ChurnExample();
        var output = new ChurnPrediction();
        var weights = default(VBuffer<float>);
        model.Model.SubModel.GetFeatureWeights(ref weights);
        return new TreeModel(PredictionKind.Churn, ImportanceOf(weights, features), values =>
        {
            input.Features = values;
            engine.Predict(input, ref output);
            return (output.Probability, output.FeatureContributions);
        }, engine);
    }

    private static TreeModel TrainValue(MLContext ml, FeatureSet features, IReadOnlyList<ProfileFeatures> examples, ModelSettings settings)
    {
        var schema = ExampleSchema.For<ValueExample>(features.Count);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new ValueExample { Features = e.Values, Label = (float)e.FutureSpend }), schema);
        var model = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinimumExamplesPerLeaf,
            LearningRate = 0.1,
        }).Fit(data);
        var explain = ml.Transforms.CalculateFeatureContribution(model, Contributions, Contributions, normalize: false).Fit(model.Transform(data));
        var engine = ml.Model.CreatePredictionEngine<ValueExample, ValuePrediction>(model.Append(explain), ignoreMissingColumns: true, inputSchemaDefinition: schema);
        var input = new ValueExample();
        var output = new ValuePrediction();
        var weights = default(VBuffer<float>);
        model.Model.GetFeatureWeights(ref weights);
        return new TreeModel(PredictionKind.Value, ImportanceOf(weights, features), values =>
        {
            input.Features = values;
            engine.Predict(input, ref output);
            return (Math.Max(0, output.Score), output.FeatureContributions);
        }, engine);
    }

    private static FeatureImportance[] ImportanceOf(VBuffer<float> weights, FeatureSet features)
    {
        var dense = weights.DenseValues().ToArray();
        var total = dense.Sum(w => Math.Max(0, w));
        return dense.Select((w, i) => new FeatureImportance(features.Names[i], total > 0 ? Math.Max(0, w) / total : 0))
            .Where(f => f.Share > 0).OrderByDescending(f => f.Share).ToArray();
    }
}
