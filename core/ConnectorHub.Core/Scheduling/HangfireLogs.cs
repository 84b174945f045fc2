using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MicrosoftLevel = Microsoft.Extensions.Logging.LogLevel;

namespace ConnectorHub.Core.Scheduling;

/// <summary>
/// Hangfire's internal logs into the host's logging. Hangfire keeps its log provider in a static, so with several
/// hosts in one process (tests) the provider may outlive the host it came from: a disposed logger factory then logs
/// nothing instead of failing Hangfire's background work.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new Logger(factory, name);

    private sealed class Logger(ILoggerFactory factory, string name) : ILog
    {
        private Microsoft.Extensions.Logging.ILogger? _logger;

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _logger ??= factory.CreateLogger(name);
                var level = Level(logLevel);
                if (messageFunc is null)
                {
                    return _logger.IsEnabled(level);
                }

                _logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static MicrosoftLevel Level(HangfireLevel level) => level switch
        {
            HangfireLevel.Trace => MicrosoftLevel.Trace,
            HangfireLevel.Debug => MicrosoftLevel.Debug,
            HangfireLevel.Info => MicrosoftLevel.Information,
            HangfireLevel.Warn => MicrosoftLevel.Warning,
            HangfireLevel.Error => MicrosoftLevel.Error,
            _ => MicrosoftLevel.Critical,
        };
    }
}
