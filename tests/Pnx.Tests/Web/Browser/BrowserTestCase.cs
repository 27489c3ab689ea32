using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pnx.Tests.Web.Browser;

/// <summary>Finds each <see cref="BrowserFactAttribute"/> test as a <see cref="BrowserTestCase"/>.</summary>
public sealed class BrowserFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new BrowserTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

/// <summary>
/// Runs a browser test; when its only failure is a Playwright timeout (Chromium did not report a page's load event,
/// seen about once in twenty suite runs with no request pending on the server), runs it once more with a new server
/// and browser, and writes the first failure to tests/artifacts/browser-retries.log. An assertion that fails, or a
/// timeout on the second run, fails the test as usual: the retry never turns a wrong page into a pass.
/// </summary>
public sealed class BrowserTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public BrowserTestCase()
    {
    }

    public BrowserTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var firstRun = new HeldMessages(messageBus);
        var summary = await base.RunAsync(diagnosticMessageSink, firstRun, constructorArguments, new ExceptionAggregator(aggregator), cancellationTokenSource);
        if (summary.Failed == 0 || firstRun.Failure is not { } failure || !IsBrowserTimeout(failure))
        {
            firstRun.Release();
            return summary;
        }

        var note = $"{DateTime.UtcNow:O} {DisplayName}: run again after a browser timeout: {string.Join(" | ", failure.Messages)}{Environment.NewLine}";
        await File.AppendAllTextAsync(Path.Combine(Path.GetDirectoryName(Chromium.ScreenshotFolder())!, "browser-retries.log"), note);
        diagnosticMessageSink.OnMessage(new DiagnosticMessage(note));
        return await base.RunAsync(diagnosticMessageSink, messageBus, constructorArguments, aggregator, cancellationTokenSource);
    }

    /// <summary>The failure is Playwright's own timeout ("Timeout 30000ms exceeded."); an assertion's failure never is.</summary>
    private static bool IsBrowserTimeout(IFailureInformation failure) =>
        failure.ExceptionTypes.Length > 0 && failure.ExceptionTypes[0] == typeof(TimeoutException).FullName
        && failure.Messages[0].Contains("ms exceeded", StringComparison.Ordinal);

    /// <summary>Keeps the first run's messages until it is known whether they count.</summary>
    private sealed class HeldMessages(IMessageBus inner) : IMessageBus
    {
        private readonly List<IMessageSinkMessage> _held = [];

        public ITestFailed? Failure { get; private set; }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestFailed failed) Failure ??= failed;
            _held.Add(message);
            return true;
        }

        public void Release()
        {
            foreach (var message in _held) inner.QueueMessage(message);
            _held.Clear();
        }

        public void Dispose()
        {
        }
    }
}
