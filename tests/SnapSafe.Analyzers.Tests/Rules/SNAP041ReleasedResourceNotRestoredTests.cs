using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP041ReleasedResourceNotRestoredTests
    {
        private const string Connection = @"
public sealed class Connection : System.IDisposable
{
    public void Open() { }
    public void Close() { }
    public System.Threading.Tasks.Task OpenAsync() => System.Threading.Tasks.Task.CompletedTask;
    public System.Threading.Tasks.Task CloseAsync() => System.Threading.Tasks.Task.CompletedTask;
    public void Dispose() { }
}";

        [Fact]
        public Task TeardownWithoutRestore_IsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private HttpClient _http = new HttpClient();
    private Connection _connection = new Connection();
    private Connection _nulled = new Connection();

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            {|SNAP041:_http.Dispose()|};
            await {|SNAP041:_connection.CloseAsync()|};
            {|SNAP041:_nulled = null|};
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}" + Connection);

        [Fact]
        public Task TeardownWithMatchingRestoreOrLazyCreation_IsClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private HttpClient _http = new HttpClient();
    private Connection _connection = new Connection();
    private Connection _lazy;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _http.Dispose();
            _connection.Close();
            _lazy?.Dispose();
            return ValueTask.CompletedTask;
        });
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            _http = new HttpClient();
            await _connection.OpenAsync();
        });
    }

    public string Handler(string input, ILambdaContext context)
    {
        _lazy ??= new Connection();
        return input;
    }
}" + Connection);
    }
}
