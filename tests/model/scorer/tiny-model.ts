/** A hand-written one-split XGBoost JSON model whose outputs can be worked out on paper. */
export function tinyModel(
  options: { threshold?: number; objective?: string; baseScore?: string } = {},
): object {
  return {
    learner: {
      attributes: {},
      feature_names: [],
      feature_types: [],
      learner_model_param: {
        base_score: options.baseScore ?? '5E-1',
        num_class: '0',
        num_feature: '2',
        num_target: '1',
      },
      objective: { name: options.objective ?? 'binary:logistic' },
      gradient_booster: {
        name: 'gbtree',
        model: {
          gbtree_model_param: { num_trees: '1', num_parallel_tree: '1', size_leaf_vector: '0' },
          tree_info: [0],
          trees: [
            {
              id: 0,
              tree_param: { num_nodes: '3', num_feature: '2', num_deleted: '0', size_leaf_vector: '0' },
              left_children: [1, -1, -1],
              right_children: [2, -1, -1],
              split_indices: [0, 0, 0],
              split_conditions: [options.threshold ?? 0.5, -1, 2],
              default_left: [1, 0, 0],
              split_type: [0, 0, 0],
              sum_hessian: [10, 4, 6],
              base_weights: [0, -1, 2],
              loss_changes: [1, 0, 0],
              parents: [2147483647, 0, 0],
              categories: [],
              categories_nodes: [],
              categories_segments: [],
              categories_sizes: [],
            },
          ],
        },
      },
    },
    version: [1, 7, 4],
  };
}
