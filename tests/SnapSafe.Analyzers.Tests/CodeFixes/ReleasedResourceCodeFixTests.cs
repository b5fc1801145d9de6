using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP041: the member a before-snapshot hook releases is re-created, as it was initialized, after restore.</summary>
    public class ReleasedResourceCodeFixTests
    {
        [Fact]
        public Task DisposedAndNulledMembers_AreRecreatedInTheAfterRestoreHook() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private HttpClient _http = new HttpClient();
    private MemoryStream _buffer;

    public Function()
    {
        _buffer = new MemoryStream(1024);
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP041:_http.Dispose()|};
            {|SNAP041:_buffer = null!|};
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input + _http + _buffer.Length;
}",
            FixedCode = @"
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private HttpClient _http = new HttpClient();
    private MemoryStream _buffer;

    public Function()
    {
        _buffer = new MemoryStream(1024);
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _http.Dispose();
            _buffer = null!;
            return ValueTask.CompletedTask;
        });
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _http = new HttpClient();
            _buffer = new MemoryStream(1024);
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input + _http + _buffer.Length;
}",
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task ExistingAfterRestoreHook_GetsTheRecreation() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static Stream s_journal = new MemoryStream();
    private static Guid s_instance = Guid.NewGuid();

    static Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP041:s_journal.Dispose()|};
            return default;
        });
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            s_instance = Guid.NewGuid();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input + s_journal.CanRead + s_instance;
}",
            FixedCode = @"
using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static Stream s_journal = new MemoryStream();
    private static Guid s_instance = Guid.NewGuid();

    static Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            s_journal.Dispose();
            return default;
        });
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            s_instance = Guid.NewGuid();
            s_journal = new MemoryStream();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input + s_journal.CanRead + s_instance;
}",
        }.RunAsync(CancellationToken.None);
    }
}
