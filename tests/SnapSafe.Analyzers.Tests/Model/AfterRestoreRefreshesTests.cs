using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>What after-restore hooks bring back: re-assigned, filled, restarted and re-opened members, through the methods they call.</summary>
    public class AfterRestoreRefreshesTests
    {
        [Fact]
        public async Task ReassignedFilledRestartedAndReopenedMembers_AreRefreshed()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Data.Common;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    private Random _random = new Random();
    private readonly byte[] _salt = new byte[16];
    private readonly Timer _timer = new Timer(_ => { }, null, 1000, 1000);
    private readonly DbConnection _connection;
    private Guid _untouched = Guid.NewGuid();

    public Function(DbConnection connection)
    {
        _connection = connection;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            RandomNumberGenerator.Fill(_salt);
            _timer.Change(1000, 1000);
            Reopen();
            return ValueTask.CompletedTask;
        });
    }

    private void Reopen() => _connection.Open();
    public string Handler(string input, ILambdaContext context) => input + _untouched;
}");

            var phase = Build(compilation);

            Assert.True(phase.Refreshes.Refreshes(Member(compilation, "Function", "_random")));
            Assert.True(phase.Refreshes.Refreshes(Member(compilation, "Function", "_salt")));
            Assert.True(phase.Refreshes.Refreshes(Member(compilation, "Function", "_timer")));
            Assert.True(phase.Refreshes.Refreshes(Member(compilation, "Function", "_connection")));
            Assert.False(phase.Refreshes.Refreshes(Member(compilation, "Function", "_untouched")));
        }

        [Fact]
        public async Task BeforeSnapshotHooks_RefreshNothing()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    private Guid _id = Guid.NewGuid();
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => { _id = Guid.NewGuid(); return ValueTask.CompletedTask; });
    }

    public string Handler(string input, ILambdaContext context) => input + _id;
}");

            var phase = Build(compilation);

            Assert.False(phase.Refreshes.Refreshes(Member(compilation, "Function", "_id")));
        }
    }
}
