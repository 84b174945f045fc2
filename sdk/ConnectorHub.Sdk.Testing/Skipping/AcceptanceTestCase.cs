using Xunit.Abstractions;
using Xunit.Sdk;

namespace ConnectorHub.Sdk.Testing.Skipping;

/// <summary>A test case whose <see cref="CheckSkippedException"/> failures are reported as skips.</summary>
public sealed class AcceptanceTestCase : XunitTestCase
{
    /// <summary>For xunit's deserializer only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public AcceptanceTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    public AcceptanceTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    /// <inheritdoc />
    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
    {
        var skipping = new SkippingMessageBus(messageBus);
        var summary = await base.RunAsync(diagnosticMessageSink, skipping, constructorArguments, aggregator, cancellationTokenSource);
        summary.Failed -= skipping.Skipped;
        summary.Skipped += skipping.Skipped;
        return summary;
    }

    private sealed class SkippingMessageBus(IMessageBus inner) : IMessageBus
    {
        public int Skipped { get; private set; }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestFailed failed && failed.ExceptionTypes.FirstOrDefault() == typeof(CheckSkippedException).FullName)
            {
                Skipped++;
                return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages.FirstOrDefault() ?? "Skipped."));
            }

            return inner.QueueMessage(message);
        }

        // The inner bus belongs to xunit; it disposes it.
        public void Dispose()
        {
        }
    }
}
