using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP031: a string identifier built from the host identity gets a new GUID identifier after restore.</summary>
    public class HostIdentityCodeFixTests
    {
        [Fact]
        public Task StringIdentifier_GetsANewGuidAfterRestore() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string _instance = {|SNAP031:Environment.MachineName + ""-"" + Environment.ProcessId|};

    public string Handler(string input, ILambdaContext context) => _instance + input;
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private string _instance = Environment.MachineName + ""-"" + Environment.ProcessId;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _instance = Guid.NewGuid().ToString(""N"");
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _instance + input;
}");

        [Fact]
        public Task NumericIdentifier_HasNoFix()
        {
            const string Source = @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly int _worker = {|SNAP031:Environment.ProcessId|};

    public string Handler(string input, ILambdaContext context) => _worker + input;
}";
            return VerifyCS.VerifyCodeFixAsync(Source, Source);
        }
    }
}
