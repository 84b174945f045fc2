namespace ConnectorHub.Core.Mapping.Templates;

/// <summary>A helper inside a template could not normalize its value; the record is rejected with this message.</summary>
internal sealed class TemplateFailedException : Exception
{
    public TemplateFailedException(string message)
        : base(message)
    {
    }

    public TemplateFailedException()
    {
    }

    public TemplateFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
