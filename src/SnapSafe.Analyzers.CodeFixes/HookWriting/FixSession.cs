using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>
    /// One fix computation over one solution snapshot: semantic models are fetched once per document, and what a fix
    /// plans for a diagnostic is computed once, when the fix is offered, and reused when it is applied.
    /// </summary>
    internal sealed class FixSession
    {
        private readonly Dictionary<DocumentId, SemanticModel> _models;
        private readonly Dictionary<(DocumentId, TextSpan, string, string), object?> _plans;

        public FixSession(Solution solution, CancellationToken cancellationToken)
            : this(solution, cancellationToken, new Dictionary<DocumentId, SemanticModel>(), new Dictionary<(DocumentId, TextSpan, string, string), object?>())
        {
        }

        private FixSession(Solution solution, CancellationToken cancellationToken, Dictionary<DocumentId, SemanticModel> models, Dictionary<(DocumentId, TextSpan, string, string), object?> plans)
        {
            Solution = solution;
            CancellationToken = cancellationToken;
            _models = models;
            _plans = plans;
        }

        public Solution Solution { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>The same session (models and plans) under another cancellation token: the one the fix is applied with.</summary>
        public FixSession WithCancellation(CancellationToken cancellationToken)
            => new FixSession(Solution, cancellationToken, _models, _plans);

        /// <summary>A session for <paramref name="solution"/>: this one when it is the snapshot this session read.</summary>
        public static FixSession For(FixSession? session, Solution solution, CancellationToken cancellationToken)
            => session != null && session.Solution == solution ? session.WithCancellation(cancellationToken) : new FixSession(solution, cancellationToken);

        public Document? DocumentOf(SyntaxTree tree) => Solution.GetDocument(tree);

        public async Task<SemanticModel> ModelAsync(Document document)
        {
            lock (_models)
            {
                if (_models.TryGetValue(document.Id, out var cached))
                {
                    return cached;
                }
            }

            var model = (await document.GetSemanticModelAsync(CancellationToken).ConfigureAwait(false))!;
            lock (_models)
            {
                _models[document.Id] = model;
            }

            return model;
        }

        /// <summary>What <paramref name="create"/> plans for a diagnostic, computed once per session and kind of plan.</summary>
        public async Task<T> PlanAsync<T>(Document document, Diagnostic diagnostic, Func<Task<T>> create)
        {
            var key = (document.Id, diagnostic.Location.SourceSpan, diagnostic.Id, typeof(T).FullName ?? typeof(T).Name);
            lock (_plans)
            {
                if (_plans.TryGetValue(key, out var cached))
                {
                    return (T)cached!;
                }
            }

            var plan = await create().ConfigureAwait(false);
            lock (_plans)
            {
                _plans[key] = plan;
            }

            return plan;
        }
    }
}
