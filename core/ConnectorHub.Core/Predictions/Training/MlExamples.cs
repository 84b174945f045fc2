using Microsoft.ML.Data;

namespace ConnectorHub.Core.Predictions.Training;

/// <summary>A churn example as ML.NET reads it: the feature vector and whether the customer churned.</summary>
internal sealed class ChurnExample
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>A value example as ML.NET reads it: the feature vector and what the customer spent.</summary>
internal sealed class ValueExample
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>A churn prediction with the contribution of each feature to its (uncalibrated) score.</summary>
internal sealed class ChurnPrediction
{
    public float Probability { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}

/// <summary>A value prediction with the contribution of each feature to it.</summary>
internal sealed class ValuePrediction
{
    public float Score { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}

/// <summary>The schema of examples with a vector of <paramref name="width"/> features (known only when a run starts).</summary>
internal static class ExampleSchema
{
    public static SchemaDefinition For<T>(int width)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }
}
