using ConnectorHub.Core.Storage;

namespace ConnectorHub.Core.Tests.Storage;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid() => Assert.True(_validator.Validate(null, new StorageOptions()).Succeeded);

    [Fact]
    public void Postgres_WithAConnectionString_IsValid() =>
        Assert.True(_validator.Validate(null, new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Database=hub;Username=hub;Password=secret" }).Succeeded);

    [Fact]
    public void Postgres_WithoutAConnectionString_SaysWhichSettingToSet()
    {
        var failure = Assert.Single(_validator.Validate(null, new StorageOptions { Provider = StorageProvider.Postgres }).Failures!);

        Assert.Contains("Set ConnectorHub:Storage:ConnectionString (or ConnectionStrings:ConnectorHub)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedConnectionString_IsNamed_WithoutRepeatingIt()
    {
        var failure = Assert.Single(_validator.Validate(null, new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Pasword=hunter2" }).Failures!);

        Assert.StartsWith("ConnectorHub:Storage:ConnectionString is not a valid Postgres connection string", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProviderAndEmptyDataDirectory_AreBothReported()
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = (StorageProvider)7, DataDirectory = "" });

        Assert.Equal(
            [
                "ConnectorHub:Storage:Provider is '7'; use Sqlite (the embedded default) or Postgres.",
                "ConnectorHub:Storage:DataDirectory '' is not a folder path; set it to the folder for the embedded database and local files (default 'data', relative to the content root).",
            ],
            result.Failures!);
    }
}
