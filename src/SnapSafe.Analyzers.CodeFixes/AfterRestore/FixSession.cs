using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>One fix computation over one solution snapshot: semantic models are fetched once per document.</summary>
    internal sealed class FixSession
    {
        private readonly Dictionary<DocumentId, SemanticModel> _models = new Dictionary<DocumentId, SemanticModel>();

        public FixSession(Solution solution, CancellationToken cancellationToken)
        {
            Solution = solution;
            CancellationToken = cancellationToken;
        }

        public Solution Solution { get; }

        public CancellationToken CancellationToken { get; }

        public Document? DocumentOf(SyntaxTree tree) => Solution.GetDocument(tree);

        public async Task<SemanticModel> ModelAsync(Document document)
        {
            if (_models.TryGetValue(document.Id, out var cached))
            {
                return cached;
            }

            var model = await document.GetSemanticModelAsync(CancellationToken).ConfigureAwait(false);
            _models[document.Id] = model!;
            return model!;
        }
    }
}
