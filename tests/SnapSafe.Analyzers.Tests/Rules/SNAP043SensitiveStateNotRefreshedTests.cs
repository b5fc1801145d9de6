using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP043SensitiveStateNotRefreshedTests
    {
        private const string Config = "snapsafe.sensitive_types = MyCo.Licensing.LicenseLease, MyCo.Licensing.ISession";

        private static Task VerifyWithConfigAsync(string source, string editorConfig)
            => new VerifyCS.Test(LambdaModel.ClassLibrary) { TestCode = source }.WithEditorConfig(editorConfig).RunAsync();

        [Fact]
        public Task KeptSensitiveInstances_AreFlagged() => VerifyWithConfigAsync(@"
using Amazon.Lambda.Core;

namespace MyCo.Licensing
{
    public interface ISession { }
    public class LicenseLease { }
    public sealed class RenewableLease : LicenseLease { }
    public sealed class Session : ISession { }
    public static class Leases { public static LicenseLease Acquire() => new LicenseLease(); }

    public class Function
    {
        private readonly LicenseLease _lease = {|SNAP043:new LicenseLease()|};
        private readonly LicenseLease _derived = {|SNAP043:new RenewableLease()|};
        private readonly ISession _session = {|SNAP043:new Session()|};
        private readonly LicenseLease _acquired = {|SNAP043:Leases.Acquire()|};

        public string Handler(string input, ILambdaContext context) => input;
    }
}", Config);

        [Fact]
        public Task RefreshedOrPerInvocationOrUnlisted_IsClean() => VerifyWithConfigAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace MyCo.Licensing
{
    public interface ISession { }
    public class LicenseLease { }
    public sealed class Unlisted { }

    public class Function
    {
        private LicenseLease _lease = new LicenseLease();
        private readonly Unlisted _other = new Unlisted();

        public Function()
        {
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                _lease = new LicenseLease();
                return ValueTask.CompletedTask;
            });
        }

        public string Handler(string input, ILambdaContext context)
        {
            var perCall = new LicenseLease();
            return input + perCall + _other + _lease;
        }
    }
}", Config);

        [Fact]
        public Task WithoutConfiguration_NothingIsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using Amazon.Lambda.Core;

public class LicenseLease { }

public class Function
{
    private readonly LicenseLease _lease = new LicenseLease();
    public string Handler(string input, ILambdaContext context) => input;
}");
    }
}
